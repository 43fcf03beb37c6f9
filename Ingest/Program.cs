using Uitstroom.Ingest;
using Uitstroom.Ingest.Services;
using Uitstroom.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGrpcService();
builder.AddIngestServices();

var app = builder.Build();

app.MapGrpcService<RegistryService>();
app.MapGrpcService<Uitstroom.Ingest.PublicData.PublicDataService>();
app.MapGrpcService<ImportService>();
app.MapGrpcService<PupilHistoriesService>();
app.MapGrpcInfrastructure();
app.MapDefaultEndpoints();

app.Run();

