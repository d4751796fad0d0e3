using System.Globalization;
using Coop.Bench;

// Benchmarks that print figures (see infra/bench/README.md). The database commands need a PostgreSQL cluster whose
// superuser connection string is in COOP_BENCH_POSTGRES; the scripts beside this project start a throwaway one.
var cluster = Environment.GetEnvironmentVariable("COOP_BENCH_POSTGRES");
string Cluster() => cluster ?? throw new InvalidOperationException("Set COOP_BENCH_POSTGRES, or run the scripts in infra/bench, which start a throwaway cluster.");
int Int(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
switch (args.FirstOrDefault() ?? "tally")
{
    case "tally":
        await TallyBenchmark.RunAsync(Cluster(), Int(1, 100_000), colleges: 4);
        break;
    case "audience":
        await AudienceBenchmark.RunAsync(Cluster(), Int(1, 100_000));
        break;
    case "web-seed":
        // web-seed <database> <tenants> <members per tenant> <posts per tenant>: prints the target as JSON on stdout.
        var target = await WebSeed.RunAsync(Cluster(), args[1], Int(2, 1_000), Int(3, 100), Int(4, 1_000));
        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(target));
        break;
    case "rls":
        await WebSeed.SetRowLevelSecurityAsync(Cluster(), args[1], args[2] == "on");
        break;
    case "baseline":
        await Baseline.RunAsync(args[1], Int(2, 5090));
        break;
    case "login":
        Console.WriteLine(await HttpTools.LoginAsync(new Uri(args[1]), args[2], args[3]));
        break;
    case "costs":
        await HttpTools.CostsAsync(new Uri(args[1]), args[2], args[3..]);
        break;
    default:
        Console.Error.WriteLine("Unknown command. Known: tally [ballots] | audience [contacts] | web-seed <db> <tenants> <members> <posts> | rls <db> on|off | baseline <connection> <port> | login <url> <email> <password> | costs <url> <cookie> <path>...");
        return 2;
}
return 0;
