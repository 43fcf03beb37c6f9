using System.CommandLine;
using Uitstroom.Cli;
using Uitstroom.Cli.Commands;

var root = new RootCommand("uitstroom: the uitstroomprognose for a school board, from the command line.")
{
    Endpoints.IngestOption,
    Endpoints.NormaliseOption,
    Endpoints.PredictOption,
    Endpoints.ReportingOption,
    BoardsCommand.Create(),
    NormsCommand.Create(),
    ImportCommand.Create(),
    TrainCommand.Create(),
    BacktestCommand.Create(),
    ModelsCommand.Create(),
    ForecastCommand.Create(),
    PublicCommand.Create(),
    LookbackCommand.Create(),
    SimulateCommand.Create(),
    ReportCommand.Create(),
    ImportCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
