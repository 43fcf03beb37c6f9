# syntax=docker/dockerfile:1
# The Ingest service image. Build from the repository root:
#   docker build -f deploy/docker/ingest.Dockerfile -t uitstroom/ingest:$(git rev-parse --short HEAD) .
# The Kubernetes manifests (deploy/k8s) expect the entry point, user and ports below; scripts/check-deploy.sh
# compares them, so change both together.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so a source change does not invalidate the package layer.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY Domain/Domain.csproj Domain/
COPY Contracts/Contracts.csproj Contracts/
COPY ServiceDefaults/ServiceDefaults.csproj ServiceDefaults/
COPY Ingest/Ingest.csproj Ingest/
RUN dotnet restore Ingest/Ingest.csproj
COPY Domain/ Domain/
COPY Contracts/ Contracts/
COPY ServiceDefaults/ ServiceDefaults/
COPY Ingest/ Ingest/
# Framework-dependent and portable: the runtime image brings ASP.NET Core; no native apphost is needed.
RUN dotnet publish Ingest/Ingest.csproj -c Release -o /app --no-restore -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build --chown=root:root /app ./
# The service binds its own two ports (ServiceDefaults/GrpcHosting.cs): gRPC over h2c and HTTP/1 for
# /health, /alive. The image's default ASPNETCORE_HTTP_PORTS=8080 would only add a warning.
ENV HTTP_PORT=5110 \
    GRPC_PORT=5111 \
    ASPNETCORE_HTTP_PORTS= \
    DOTNET_NOLOGO=1
EXPOSE 5110 5111
# The aspnet image's non-root user `app`, by number (uid 1654) so Kubernetes can verify runAsNonRoot. The files
# above stay root-owned and read-only to it, so the container runs with a read-only root file system; only mounted
# volumes and /tmp are writable.
USER 1654
ENTRYPOINT ["dotnet", "Uitstroom.Ingest.dll"]
