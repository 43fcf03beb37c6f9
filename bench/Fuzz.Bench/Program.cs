using System.Diagnostics;
using Uitstroom.Fuzz;
using Uitstroom.Fuzz.Bench;

// Usage: dotnet run -c Release --project bench/Fuzz.Bench -- [seconds-per-parser=10] [parser-name-part]
// Each input is rebuilt from (parser, input number): a crash prints the number to replay with Replay.Input.
var seconds = args.Length > 0 && double.TryParse(args[0], System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 10;
var filter = args.Length > 1 ? args[1] : "";
var guard = TimeSpan.FromSeconds(10);
var targets = Targets.All.Where(t => t.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)).ToList();
Console.WriteLine($"fuzzing {targets.Count} parsers for {seconds:N0} s each; a parse running over {guard.TotalSeconds:N0} s is a hang");
Console.WriteLine();
Console.WriteLine($"{"parser",-32} {"inputs",9} {"inputs/s",9} {"parsed",8} {"refused",8} {"crashes",8} {"hangs",6}");

var failures = 0;
var total = 0L;
var clock = Stopwatch.StartNew();
foreach (var target in targets)
{
    var tally = new Tally();
    var sw = Stopwatch.StartNew();
    var slowest = (Ms: 0.0, Input: 0);
    for (var n = 0; sw.Elapsed.TotalSeconds < seconds; n++)
    {
        var input = Replay.Input(target, n);
        var started = Stopwatch.GetTimestamp();
        var verdict = target.Run(input, guard);
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        slowest = ms > slowest.Ms ? (ms, n) : slowest;
        tally.Add(verdict, n);
    }

    var elapsed = sw.Elapsed.TotalSeconds;
    total += tally.Inputs;
    failures += tally.Crashes + tally.Hangs;
    Console.WriteLine($"{target.Name,-32} {tally.Inputs,9:N0} {tally.Inputs / elapsed,9:N0} {tally.Parsed,8:N0} {tally.Refused,8:N0} {tally.Crashes,8:N0} {tally.Hangs,6:N0}");
    foreach (var (label, (count, first)) in tally.ByLabel.OrderByDescending(l => l.Value.Count))
    {
        Console.WriteLine($"    {count,9:N0}  {label}{(label.StartsWith("CRASH", StringComparison.Ordinal) || label == "HANG" ? $" (first: input {first})" : "")}");
    }

    Console.WriteLine($"    slowest input: {slowest.Ms:N0} ms (input {slowest.Input}, {Replay.Input(target, slowest.Input).Length:N0} bytes)");
    Console.WriteLine($"    rows in parsed inputs: {tally.RowsAccepted:N0} accepted, {tally.RowsRejected:N0} rejected with a reason");
    foreach (var (reason, count) in tally.Reasons.OrderByDescending(r => r.Value).Take(4))
    {
        Console.WriteLine($"    {count,9:N0}  refused: {reason}");
    }

    foreach (var example in tally.Examples)
    {
        Console.WriteLine($"    example: {example}");
    }
}

Console.WriteLine();
Console.WriteLine($"{total:N0} inputs in {clock.Elapsed.TotalSeconds:N0} s; {failures} crash(es) or hang(s)");
return failures == 0 ? 0 : 1;
