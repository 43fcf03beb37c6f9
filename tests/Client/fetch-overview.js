#!/usr/bin/env node
// Fetches one board overview from Reporting's gRPC API, knowing nothing but the .proto files.
// Usage: UITSTROOM_API_KEY=uit_… node fetch-overview.js <host:port> <bgnr> [protos dir]
// Prints the overview as JSON (field names as in the proto, enums as names, int64 as strings) on stdout.
'use strict';

const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const [address, bgnr, protos = path.join(__dirname, '..', '..', 'Contracts', 'Protos')] = process.argv.slice(2);
if (!address || !bgnr) {
  console.error('usage: node fetch-overview.js <host:port> <bgnr> [protos dir]');
  process.exit(2);
}

const definition = protoLoader.loadSync('uitstroom/reporting/v1/reporting.proto', {
  includeDirs: [protos],
  keepCase: true,
  enums: String,
  longs: String,
  defaults: true,
  oneofs: true,
});
const reporting = grpc.loadPackageDefinition(definition).uitstroom.reporting.v1;
const client = new reporting.BoardReports(address, grpc.credentials.createInsecure());

// Every call carries the API key (docs/security.md) and a deadline, as the API's documentation asks of its clients.
const metadata = new grpc.Metadata();
if (process.env.UITSTROOM_API_KEY) {
  metadata.add('authorization', `Bearer ${process.env.UITSTROOM_API_KEY}`);
}
const deadline = new Date(Date.now() + 10_000);
client.GetBoardOverview({ bgnr }, metadata, { deadline }, (error, overview) => {
  client.close();
  if (error) {
    console.error(`GetBoardOverview failed: ${grpc.status[error.code]} ${error.details}`);
    process.exit(1);
  }
  process.stdout.write(JSON.stringify(overview));
});
