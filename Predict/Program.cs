using Uitstroom.Predict;
using Uitstroom.Predict.Forecasting;
using Uitstroom.Predict.Services;
using Uitstroom.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGrpcService();
builder.AddPredictServices();

var app = builder.Build();

app.MapGrpcService<IndicatorsService>();
app.MapGrpcService<LookbackService>();
app.MapGrpcService<ForecastSnapshotsService>();
app.MapForecasting();
app.MapGrpcInfrastructure();
app.MapDefaultEndpoints();

app.Run();

