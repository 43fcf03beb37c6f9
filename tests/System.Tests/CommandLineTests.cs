namespace Uitstroom.Stack.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public async Task The_help_lists_every_command_and_exits_cleanly()
    {
        var (exitCode, output) = await CommandLine.RunAsync(["--help"]);

        exitCode.ShouldBe(0, output);
        foreach (var command in new[] { "boards", "public", "import", "norms", "simulate", "train", "backtest", "models", "forecast", "lookback", "report" })
        {
            output.ShouldContain($"  {command} ", customMessage: output);
        }
    }
}
