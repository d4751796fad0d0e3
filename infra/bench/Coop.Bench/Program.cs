using Coop.Bench;

// Benchmarks that print figures (see infra/bench/README.md). Each needs a PostgreSQL cluster whose superuser
// connection string is in COOP_BENCH_POSTGRES; the scripts beside this project start a throwaway one.
var cluster = Environment.GetEnvironmentVariable("COOP_BENCH_POSTGRES")
    ?? throw new InvalidOperationException("Set COOP_BENCH_POSTGRES, or run infra/bench/tally.sh which starts a throwaway cluster.");
var command = args.FirstOrDefault() ?? "tally";
switch (command)
{
    case "tally":
        var ballots = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        await TallyBenchmark.RunAsync(cluster, ballots, colleges: 4);
        break;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{command}'. Known: tally [ballots].");
        return 2;
}
return 0;
