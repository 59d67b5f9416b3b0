using BenchmarkDotNet.Running;
using Radikalisering.Benchmarks;

if (args is ["utility", ..])
{
    UtilityReport.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000);
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
