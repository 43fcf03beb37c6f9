using Uitstroom.Ingest;
using Uitstroom.Ingest.PublicData;
using Uitstroom.Ingest.Services;
using Uitstroom.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGrpcService();
builder.AddIngestServices();

var app = builder.Build();

app.MapGrpcService<RegistryService>();
app.MapGrpcService<PublicDataService>();
app.MapGrpcService<ImportService>();
app.MapGrpcService<PupilHistoriesService>();
app.MapGrpcService<StoredNormsService>();
app.MapGrpcInfrastructure();
app.MapDefaultEndpoints();

app.Run();

