using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Radikalisering.Tests")]
