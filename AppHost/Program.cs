using Uitstroom.AppHost;

var builder = DistributedApplication.CreateBuilder(args);
var ports = LocalPorts.From(builder.Configuration);

// The cache: Redis holds computed cohort forecasts. A container where a runtime answers, else Debian's redis-server.
var cache = builder.AddCache("cache");

// The store: a SQLite file by default; PostgreSQL when ConnectionStrings:store is configured.
var store = builder.AddStore("store");

// Every service checks API keys against one keys file of hashes (docs/security.md).
var keys = builder.AddApiKeys();

// Normalise needs nothing: its norm tables ship with it.
var normalise = builder.AddProject<Projects.Normalise>("normalise")
    .WithServiceEndpoints(ports.Normalise)
    .WithApiKeys(keys);

// Ingest owns the store and normalises every imported result on the way in.
var ingest = builder.AddProject<Projects.Ingest>("ingest")
    .WithServiceEndpoints(ports.Ingest)
    .WithApiKeys(keys)
    .WithStore(store)
    .WithPupilKeySecret()
    .WithReference(normalise.GetEndpoint("grpc"))
    .WaitFor(normalise);

// Predict reads pupil histories from Ingest, caches its forecasts in Redis and keeps their dated snapshots in the
// store (its own forecast_snapshot tables beside Ingest's).
var predict = builder.AddProject<Projects.Predict>("predict")
    .WithServiceEndpoints(ports.Predict)
    .WithApiKeys(keys)
    .WithLocalModels(store)
    .WithStore(store)
    .WithReference(cache)
    .WithReference(ingest.GetEndpoint("grpc"))
    .WaitFor(cache)
    .WaitFor(ingest);

// Reporting composes Ingest (registry) and Predict (indicators, forecasts) for people and front ends.
builder.AddProject<Projects.Reporting>("reporting")
    .WithServiceEndpoints(ports.Reporting)
    .WithApiKeys(keys)
    .WithReference(ingest.GetEndpoint("grpc"))
    .WithReference(predict.GetEndpoint("grpc"))
    .WaitFor(predict);

builder.Build().Run();
