using System.Globalization;
using Sanoo.Bench;

// Usage: Sanoo.Bench append DB_PREFIX [PROTOCOLS]
//   DB_PREFIX: sqlite:/tmp/dir/ (a new file per run is made there) or postgres:CONNECTION (a new schema per run is not
//   possible, so give a connection string to a server where the bench may CREATE DATABASE).
// Signed ingest over HTTP and freshness are measured by `sanoo simulate` (bench/http.sh).
if (args is ["forensics", var stations, var runs])
{
    return ForensicsBenchmark.Run(int.Parse(stations, CultureInfo.InvariantCulture), int.Parse(runs, CultureInfo.InvariantCulture));
}
if (args is ["forensics-refresh", var refreshStations, var changed])
{
    return ForensicsBenchmark.Refresh(int.Parse(refreshStations, CultureInfo.InvariantCulture), int.Parse(changed, CultureInfo.InvariantCulture));
}
if (args is ["forensics-flags", var flagStations, var flagRuns])
{
    return ForensicsBenchmark.Flags(int.Parse(flagStations, CultureInfo.InvariantCulture), int.Parse(flagRuns, CultureInfo.InvariantCulture));
}
if (args is ["ledger", var ledgerStations, var ledgerRuns])
{
    return LedgerBenchmark.Run(int.Parse(ledgerStations, CultureInfo.InvariantCulture), int.Parse(ledgerRuns, CultureInfo.InvariantCulture));
}
if (args is ["progress", var progressStations, var progressRuns])
{
    return ProgressBenchmark.Run(
        int.Parse(progressStations, CultureInfo.InvariantCulture), int.Parse(progressRuns, CultureInfo.InvariantCulture));
}
if (args is ["scans", var scans, var scanRuns])
{
    return ScanBenchmark.Run(int.Parse(scans, CultureInfo.InvariantCulture), int.Parse(scanRuns, CultureInfo.InvariantCulture));
}
if (args is ["definition", var file, ..])
{
    return DefinitionBenchmark.Run(file, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3);
}
if (args is ["signatures", var seconds])
{
    return SignatureCeiling.Run(double.Parse(seconds, CultureInfo.InvariantCulture));
}
if (args is ["copies", var site, ..])
{
    return PublishBenchmark.Copies(site, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 300);
}
if (args is ["manifest", var manifestStations])
{
    return PublishBenchmark.Manifest(int.Parse(manifestStations, CultureInfo.InvariantCulture));
}
if (args is ["rebuild", var address, ..])
{
    return await RebuildBenchmark.RunAsync(address, args.Length > 2 ? args[2] : null);
}
if (args is not ["append", var target, ..])
{
    Console.Error.WriteLine("usage: Sanoo.Bench append sqlite:FOLDER|postgres:CONNECTION_STRING [PROTOCOLS]");
    return 2;
}
var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20_000;
Console.WriteLine($"durable append rate, {count:N0} protocols per run, {Environment.ProcessorCount} cores");
Console.WriteLine("batch size   protocols/s (3 runs)                median");
foreach (var batch in new[] { 1, 10, 100, 1000 })
{
    var rates = new List<double>();
    for (var run = 0; run < 3; run++)
    {
        var runCount = batch == 1 ? Math.Min(count, 3_000) : count;
        rates.Add(await AppendBenchmark.RunAsync(target, batch, runCount));
    }
    rates.Sort();
    Console.WriteLine(
        $"{batch,10}   {string.Join("  ", rates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture).PadLeft(8)))}   " +
        $"{rates[1].ToString("N0", CultureInfo.InvariantCulture),10}");
}
Console.WriteLine($"concurrent: 64 writers submitting one protocol at a time (group commit)");
var concurrent = new List<double>();
for (var run = 0; run < 3; run++)
{
    concurrent.Add(await AppendBenchmark.RunConcurrentAsync(target, 64, count));
}
concurrent.Sort();
Console.WriteLine(
    $"{"64 x 1",10}   {string.Join("  ", concurrent.Select(r => r.ToString("N0", CultureInfo.InvariantCulture).PadLeft(8)))}   " +
    $"{concurrent[1].ToString("N0", CultureInfo.InvariantCulture),10}");
return 0;
