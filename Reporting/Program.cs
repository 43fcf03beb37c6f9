using Uitstroom.Reporting;
using Uitstroom.Reporting.Pages;
using Uitstroom.Reporting.Services;
using Uitstroom.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGrpcService();
builder.AddReportingServices();

var app = builder.Build();

app.MapGrpcService<BoardReportsService>();
app.MapReportPages();
app.MapLoginPages();
app.MapGrpcInfrastructure();
app.MapDefaultEndpoints();

app.Run();
