using System.CommandLine;
using Uitstroom.Cli;
using Uitstroom.Cli.Commands;

var root = new RootCommand("uitstroom: the uitstroomprognose for a school board, from the command line.")
{
    Endpoints.IngestOption,
    Endpoints.NormaliseOption,
    Endpoints.PredictOption,
    Endpoints.ReportingOption,
    Endpoints.ApiKeyOption,
    BoardsCommand.Create(),
    PublicCommand.Create(),
    ImportCommand.Create(),
    NormsCommand.Create(),
    SimulateCommand.Create(),
    TrainCommand.Create(),
    BacktestCommand.Create(),
    ModelsCommand.Create(),
    ForecastCommand.Create(),
    LookbackCommand.Create(),
    ReportCommand.Create(),
    KeysCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
