"""The deployment rules, checked offline against rendered kustomize output, the Dockerfiles and the Aspire manifest.

Called by scripts/check-deploy.sh (which renders the overlays); prints one line per broken rule and exits 1 if any.
Needs only Debian's python3 and python3-yaml.
"""
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml

# The four services: Deployment name -> project folder (and image uitstroom/<name>, Dockerfile <name>.Dockerfile).
SERVICES = {"ingest": "Ingest", "normalise": "Normalise", "predict": "Predict", "reporting": "Reporting"}
AUTOSCALED = ("predict", "reporting")
WORKLOADS = ("Deployment", "StatefulSet")
# Env names that carry secrets: their value must come from a Secret, never a literal.
SECRET_NAME = re.compile(r"password|secret|token|api_?keys?|credential", re.IGNORECASE)
# A credential written into a value (connection strings): password=… or pwd=… with anything but a $(VAR) reference.
INLINE_CREDENTIAL = re.compile(r"(?:^|[;,])\s*(?:password|pwd)\s*=\s*(?!\$\()[^;,\s]+", re.IGNORECASE)
# Aspire's convenience aliases of a reference (INGEST_GRPC, CACHE_HOST …): no Uitstroom service reads them.
ASPIRE_ALIASES = re.compile(r"^[A-Z0-9]+_(GRPC|HTTP|HOST|PORT|PASSWORD|URI)$")

failures = []


def fail(where, rule, detail):
    failures.append(f"FAIL {where}: {rule}: {detail}")


def load_rendered(path):
    return [d for d in yaml.safe_load_all(Path(path).read_text()) if d]


def containers(obj):
    spec = obj["spec"]["template"]["spec"]
    return spec, spec.get("containers", []) + spec.get("initContainers", [])


def env_of(container):
    return {e["name"]: e for e in container.get("env", [])}


def check_workload(where, obj):
    pod, all_containers = containers(obj)
    pod_sc = pod.get("securityContext", {})
    for c in all_containers:
        at = f"{where}/{c['name']}"
        sc = c.get("securityContext", {})
        for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
            if probe not in c and c not in pod.get("initContainers", []):
                fail(at, "probes", f"no {probe}")
        res = c.get("resources", {})
        for part, key in (("requests", "cpu"), ("requests", "memory"), ("limits", "memory")):
            if key not in res.get(part, {}):
                fail(at, "resources", f"no {part}.{key}")
        non_root = sc.get("runAsNonRoot", pod_sc.get("runAsNonRoot"))
        user = sc.get("runAsUser", pod_sc.get("runAsUser"))
        if non_root is not True:
            fail(at, "non-root", "runAsNonRoot is not true")
        if user is None or user == 0:
            fail(at, "non-root", f"runAsUser is {user!r}: give the image's non-root uid (numeric, so it can be verified)")
        if sc.get("allowPrivilegeEscalation") is not False:
            fail(at, "non-root", "allowPrivilegeEscalation is not false")
        for name, e in env_of(c).items():
            value = e.get("value")
            if value is None:
                continue
            if SECRET_NAME.search(name):
                fail(at, "no inline secret", f"env {name} has a literal value; use valueFrom.secretKeyRef")
            elif INLINE_CREDENTIAL.search(str(value)):
                fail(at, "no inline secret", f"env {name} carries a credential in its value; reference a Secret")


def check_service(where, name, obj, by_kind):
    pod, (c, *_) = containers(obj)
    at = f"{where}/{name}"
    ports = {p.get("name"): p["containerPort"] for p in c.get("ports", [])}
    if set(ports) != {"http", "grpc"}:
        fail(at, "ports", f"container ports must be named http and grpc, found {sorted(map(str, ports))}")
    env = env_of(c)
    for var, port in (("HTTP_PORT", "http"), ("GRPC_PORT", "grpc")):
        if env.get(var, {}).get("value") != str(ports.get(port)):
            fail(at, "ports", f"{var}={env.get(var, {}).get('value')} but the {port} container port is {ports.get(port)}")
    expected = {"startupProbe": ("/alive", "/health"), "readinessProbe": ("/health",), "livenessProbe": ("/alive",)}
    for probe, paths in expected.items():
        http = c.get(probe, {}).get("httpGet")
        if not http:
            fail(at, "probes", f"{probe} must be an httpGet on the HTTP/1 port")
        elif http.get("path") not in paths or http.get("port") not in ("http", ports.get("http")):
            fail(at, "probes", f"{probe} must GET {' or '.join(paths)} on the http port, not {http.get('path')} on {http.get('port')}")
    sc = c.get("securityContext", {})
    if sc.get("readOnlyRootFilesystem") is not True:
        fail(at, "read-only root", "readOnlyRootFilesystem is not true")
    if "ALL" not in sc.get("capabilities", {}).get("drop", []):
        fail(at, "capabilities", "capabilities.drop does not include ALL")
    if not c.get("image", "").startswith(f"uitstroom/{name}:"):
        fail(at, "image", f"image {c.get('image')} is not uitstroom/{name}:<tag>")
    svc = by_kind.get("Service", {}).get(name)
    if not svc:
        fail(at, "service", f"no Service named {name}")
    else:
        targets = {p.get("targetPort") for p in svc["spec"].get("ports", [])}
        if not {"http", "grpc"} <= targets:
            fail(at, "service", f"Service {name} must expose the http and grpc ports")
        # The services' discovery (configuration, one address per entry) connects to one pod of a headless Service
        # and keeps it; the L7 proxy balances calls over a ClusterIP Service (docs/deploy.md).
        if svc["spec"].get("clusterIP") == "None":
            fail(at, "balancing", f"Service {name} is headless: its clients would pin one pod; use a ClusterIP Service behind the L7 proxy")
    # Discovery: services__X__grpc__0 must name a Service X and its grpc port.
    for var, e in env.items():
        m = re.fullmatch(r"services__(\w+)__grpc__0", var)
        if not m:
            continue
        target = by_kind.get("Service", {}).get(m.group(1))
        port = next((p["port"] for p in (target or {}).get("spec", {}).get("ports", []) if p.get("name") == "grpc"), None)
        if e.get("value") != f"http://{m.group(1)}:{port}":
            fail(at, "discovery", f"{var}={e.get('value')} but Service {m.group(1)} serves gRPC on port {port}")
    if name in AUTOSCALED:
        hpa = by_kind.get("HorizontalPodAutoscaler", {}).get(name)
        if not hpa or hpa["spec"]["scaleTargetRef"].get("name") != name:
            fail(at, "autoscaling", f"no HorizontalPodAutoscaler scaling {name}")
        elif "replicas" in obj["spec"]:
            fail(at, "autoscaling", "the HPA owns the replica count: remove spec.replicas")
    if name == "predict":
        models = env.get("Predict__ModelsPath", {}).get("value")
        mounts = {m["mountPath"]: m["name"] for m in c.get("volumeMounts", [])}
        volumes = {v["name"]: v for v in pod.get("volumes", [])}
        claim = volumes.get(mounts.get(models), {}).get("persistentVolumeClaim", {}).get("claimName")
        if not claim:
            fail(at, "models", f"Predict__ModelsPath ({models}) is not a mounted PersistentVolumeClaim shared by every replica")
        elif claim not in by_kind.get("PersistentVolumeClaim", {}):
            fail(at, "models", f"claim {claim} is not declared")
    if name == "ingest":
        store = env.get("ConnectionStrings__store", {})
        if "secretKeyRef" not in store.get("valueFrom", {}):
            fail(at, "no inline secret", "ConnectionStrings__store must come from a Secret")


def check_overlay(label, path):
    docs = load_rendered(path)
    by_kind = {}
    for d in docs:
        by_kind.setdefault(d["kind"], {})[d["metadata"]["name"]] = d
    for name, secret in by_kind.get("Secret", {}).items():
        if secret.get("data") or secret.get("stringData"):
            fail(f"{label}/Secret/{name}", "no inline secret", "Secret values are in the manifests; create them beside (create-secrets.sh)")
    for name, cm in by_kind.get("ConfigMap", {}).items():
        for key, value in (cm.get("data") or {}).items():
            if SECRET_NAME.search(key) or INLINE_CREDENTIAL.search(str(value)):
                fail(f"{label}/ConfigMap/{name}", "no inline secret", f"key {key} looks like a secret")
    for kind in WORKLOADS:
        for name, obj in by_kind.get(kind, {}).items():
            check_workload(f"{label}/{kind}/{name}", obj)
    for name in SERVICES:
        obj = by_kind.get("Deployment", {}).get(name)
        if obj is None:
            fail(f"{label}", "services", f"no Deployment {name}")
        else:
            check_service(label, name, obj, by_kind)
    return by_kind


# What kustomize v2.0.3 (embedded in kubectl 1.20, Debian 12's kubernetes-client) understands. Newer fields such as
# `patches`, `labels`, `components` or `replacements` render with a current kubectl but fail on that one.
KUSTOMIZE_V2_FIELDS = {
    "apiVersion", "kind", "resources", "bases", "patchesStrategicMerge", "patchesJson6902", "images", "namespace",
    "namePrefix", "nameSuffix", "commonLabels", "commonAnnotations", "configMapGenerator", "secretGenerator",
    "generatorOptions", "vars", "crds",
}


def check_kustomization_v2(folder, seen=None):
    """The overlay and every base it builds on use only kustomize v2.0.3 features; directories go under `bases`."""
    seen = seen if seen is not None else set()
    folder = Path(folder).resolve()
    if folder in seen:
        return
    seen.add(folder)
    path = folder / "kustomization.yaml"
    where = f"kustomization {path}"
    spec = yaml.safe_load(path.read_text()) or {}
    for field in sorted(set(spec) - KUSTOMIZE_V2_FIELDS):
        fail(where, "kustomize v2", f"'{field}' is unknown to kustomize v2.0.3 (kubectl 1.20); use {sorted(KUSTOMIZE_V2_FIELDS - {'apiVersion', 'kind'})}")
    for entry in spec.get("resources", []) or []:
        if (folder / entry).is_dir():
            fail(where, "kustomize v2", f"resource {entry} is a directory: list it under `bases` for kustomize v2.0.3")
    for base in spec.get("bases", []) or []:
        if (folder / base / "kustomization.yaml").exists():
            check_kustomization_v2(folder / base, seen)


def assembly_and_references(repo, project):
    """The assembly name of a project and every project folder it needs to build, itself included."""
    csproj = repo / project / f"{project}.csproj"
    root = ET.parse(csproj).getroot()
    assembly = root.findtext(".//AssemblyName") or project
    folders = {project}
    for ref in root.iter("ProjectReference"):
        folder = Path(ref.get("Include").replace("\\", "/")).parent.name
        folders |= assembly_and_references(repo, folder)[1]
    return assembly, folders


def check_dockerfiles(repo, docker_dir, overlays):
    for name, project in SERVICES.items():
        path = docker_dir / f"{name}.Dockerfile"
        where = f"docker/{path.name}"
        if not path.exists():
            fail(where, "image", "missing")
            continue
        text = re.sub(r"\\\n", " ", path.read_text())
        lines = [l.strip() for l in text.splitlines() if l.strip() and not l.strip().startswith("#")]
        froms = [l.split()[1] for l in lines if l.upper().startswith("FROM ")]
        if len(froms) < 2:
            fail(where, "multi-stage", "build in an SDK stage and run in the aspnet runtime stage")
        if not froms or froms[-1] != "mcr.microsoft.com/dotnet/aspnet:10.0":
            fail(where, "runtime", f"final stage is {froms[-1] if froms else None}, not mcr.microsoft.com/dotnet/aspnet:10.0")
        assembly, folders = assembly_and_references(repo, project)
        entry = [l for l in lines if l.upper().startswith("ENTRYPOINT ")]
        try:
            entry = json.loads(entry[-1][len("ENTRYPOINT "):]) if entry else None
        except json.JSONDecodeError:
            entry = "shell form"
        if entry != ["dotnet", f"{assembly}.dll"]:
            fail(where, "entry point", f'ENTRYPOINT is {entry}, expected ["dotnet", "{assembly}.dll"] (the assembly of {project}.csproj)')
        users = [l.split(None, 1)[1] for l in lines if l.upper().startswith("USER ")]
        final_user = users[-1] if users else "root"
        exposed = {int(p.split("/")[0]) for l in lines if l.upper().startswith("EXPOSE ") for p in l.split()[1:]}
        env = dict(re.findall(r"\b(HTTP_PORT|GRPC_PORT)=(\d+)", text))
        copied = " ".join(l for l in lines if l.upper().startswith("COPY "))
        for folder in sorted(folders):
            if f"{folder}/{folder}.csproj" not in copied or f"{folder}/ {folder}/" not in copied:
                fail(where, "build context", f"{project} needs {folder}/ (ProjectReference) but the Dockerfile does not copy it (project file and sources)")
        for label, by_kind in overlays.items():
            obj = by_kind.get("Deployment", {}).get(name)
            if obj is None:
                continue
            pod, (c, *_) = containers(obj)
            ports = {p.get("name"): p["containerPort"] for p in c.get("ports", [])}
            if exposed != set(ports.values()):
                fail(where, "ports", f"EXPOSE {sorted(exposed)} but {label} Deployment {name} has container ports {sorted(ports.values())}")
            for var, port in (("HTTP_PORT", "http"), ("GRPC_PORT", "grpc")):
                if env.get(var) != str(ports.get(port)):
                    fail(where, "ports", f"ENV {var}={env.get(var)} but {label} Deployment {name} listens for {port} on {ports.get(port)}")
            uid = c.get("securityContext", {}).get("runAsUser", pod.get("securityContext", {}).get("runAsUser"))
            if final_user not in (str(uid), f"{uid}:{uid}") and not (final_user == "app" and uid == 1654):
                fail(where, "non-root", f"USER {final_user} but {label} Deployment {name} runs as uid {uid}")


def check_aspire(manifest_path, overlays):
    resources = json.loads(Path(manifest_path).read_text())["resources"]
    projects = {n for n, r in resources.items() if r["type"].startswith("project.")}
    if projects != set(SERVICES):
        fail("aspire", "same services", f"AppHost projects {sorted(projects)} but the manifests deploy {sorted(SERVICES)}")
    for label, by_kind in overlays.items():
        deployments = by_kind.get("Deployment", {})
        for name, res in resources.items():
            where = f"aspire/{name} vs {label}"
            kind = res["type"].split(".")[0]
            if kind == "container":
                obj = deployments.get(name) or by_kind.get("StatefulSet", {}).get(name)
                if obj is None:
                    fail(where, "same services", f"the AppHost's container {name} has no workload in {label}")
                    continue
                images = {c["image"] for c in containers(obj)[1]}
                if res["image"] not in images:
                    fail(where, "image", f"AppHost runs {res['image']}, {label} runs {sorted(images)}")
                target_ports = {b.get("targetPort") for b in res.get("bindings", {}).values()}
                ports = {p["containerPort"] for c in containers(obj)[1] for p in c.get("ports", [])}
                if not target_ports <= ports:
                    fail(where, "ports", f"AppHost binds {sorted(target_ports)}, {label} exposes {sorted(ports)}")
            elif kind == "project":
                obj = deployments.get(name)
                if obj is None:
                    continue
                c = containers(obj)[1][0]
                env = env_of(c)
                for var, value in res.get("env", {}).items():
                    if ASPIRE_ALIASES.match(var) or var in ("HTTP_PORT", "GRPC_PORT") and var in env:
                        continue
                    if var not in env:
                        fail(where, "same env", f"the AppHost sets {var}, the Deployment does not")
                        continue
                    secret = re.fullmatch(r"\{([\w-]+)\.(value|connectionString)\}", value)
                    param = resources.get(secret.group(1), {}) if secret else {}
                    is_secret = param.get("type", "").startswith("parameter.") and any(
                        i.get("secret") for i in param.get("inputs", {}).values())
                    if is_secret and "secretKeyRef" not in env[var].get("valueFrom", {}):
                        fail(where, "no inline secret", f"{var} is a secret parameter in the AppHost; reference a Secret")
                    ref = re.fullmatch(r"\{(\w+)\.bindings\.grpc\.url\}", value)
                    if ref and not str(env[var].get("value", "")).startswith(f"http://{ref.group(1)}:"):
                        fail(where, "discovery", f"{var} points at {ref.group(1)} in the AppHost, at {env[var].get('value')} here")
                ports = {p.get("name"): p["containerPort"] for p in c.get("ports", [])}
                for binding, b in res.get("bindings", {}).items():
                    if ports.get(binding) != b.get("targetPort"):
                        fail(where, "ports", f"binding {binding} targets {b.get('targetPort')}, the container port {binding} is {ports.get(binding)}")
                if res.get("bindings", {}).get("grpc", {}).get("transport") != "http2":
                    fail(where, "ports", "the AppHost's grpc binding is not http2 (h2c)")


def main(argv):
    if argv[1] == "--kustomize-v2":
        # Before rendering: kubectl 1.20 would only say "cannot unmarshal"; this names the field.
        for folder in argv[2:]:
            check_kustomization_v2(folder)
        for line in failures:
            print(line)
        return 1 if failures else 0
    repo = Path(argv[1])
    docker_dir = Path(argv[2])
    aspire = argv[3] or None
    overlays = {}
    for pair in argv[4:]:
        label, rendered = pair.split("=", 1)
        overlays[label] = check_overlay(label, rendered)
    check_dockerfiles(repo, docker_dir, overlays)
    if aspire:
        check_aspire(aspire, overlays)
    for line in failures:
        print(line)
    if failures:
        print(f"{len(failures)} deployment rule(s) broken")
        return 1
    print(f"deployment rules hold: {', '.join(overlays)}; Dockerfiles{'; Aspire manifest' if aspire else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
