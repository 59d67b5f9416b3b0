using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Radikalisering.Tests")]
[assembly: InternalsVisibleTo("Radikalisering.Benchmarks")]
