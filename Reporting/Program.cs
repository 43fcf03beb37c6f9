using Uitstroom.Reporting;
using Uitstroom.Reporting.Services;
using Uitstroom.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGrpcService();
builder.AddReportingServices();

var app = builder.Build();

app.MapGrpcService<BoardReportsService>();
app.MapGrpcInfrastructure();
app.MapDefaultEndpoints();

app.Run();

