using Uitstroom.Normalise;
using Uitstroom.Normalise.Services;
using Uitstroom.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGrpcService();
builder.AddNormaliseServices();

var app = builder.Build();

app.MapGrpcService<NormTablesService>();
app.MapGrpcInfrastructure();
app.MapDefaultEndpoints();

app.Run();

