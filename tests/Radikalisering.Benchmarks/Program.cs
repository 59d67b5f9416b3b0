using BenchmarkDotNet.Running;
using Radikalisering.Benchmarks;

switch (args)
{
    case ["utility", "pooled", ..]:
        UtilityReport.RunPooled(args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 12);
        break;
    case ["utility", ..]:
        UtilityReport.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 150, args.Length > 2 ? args[2] : null);
        break;
    case ["suite", ..]:
        await SuiteRunner.RunAsync(large: args.Contains("--large"), coldStartRuns: 3);
        break;
    case ["coldstart", ..]:
        await ColdStart.MeasureAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3);
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(SuiteConfig).Assembly).Run(args);
        break;
}
