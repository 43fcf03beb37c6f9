global using Uitstroom.Ingest;
global using Uitstroom.Normalise;
global using Uitstroom.Predict;
global using Uitstroom.Reporting;
