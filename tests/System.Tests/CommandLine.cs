namespace Uitstroom.Stack.Tests;

/// <summary>The real <c>uitstroom</c> command line, built beside the tests.</summary>
internal static class CommandLine
{
    /// <summary>Runs the real <c>uitstroom</c> command line (built beside the tests) and captures what it prints.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The stack under test checks keys against the test process's keys file (StackFixture).
            Environment = { ["UITSTROOM_API_KEY"] = Uitstroom.Tests.TestKeys.Admin },
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "uitstroom.dll"));
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Runs the command line and returns what it printed; a non-zero exit fails the caller with the output.</summary>
    public static async Task<string> RunOkAsync(IEnumerable<string> arguments)
    {
        var (exitCode, output) = await RunAsync(arguments);
        exitCode.ShouldBe(0, output);
        return output;
    }
}
