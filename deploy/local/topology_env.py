"""The environment one service gets in Kubernetes, translated to processes on this machine.

Reads the rendered dev overlay (kubectl kustomize deploy/k8s/overlays/dev) so the local topology runs with the
env the manifests declare, not a hand-written copy: the same names, Secrets resolved from a local secrets file,
cluster addresses (http://<service>:<port>, cache:6379, /models …) mapped to loopback ports and folders.
  python3 topology_env.py RENDERED SERVICE PORTS_JSON SECRETS_JSON DIR
prints NAME=VALUE lines (values never contain newlines). PORTS_JSON maps a service to [http, grpc] ports, or to a
list of such pairs for a service run as several replicas (every replica is then listed for discovery, the role a
Kubernetes Service plays); "cache" maps to the Redis port.
"""
import json
import re
import sys

import yaml


def main(rendered, service, ports_json, secrets_json, folder):
    ports = json.loads(ports_json)
    secrets = json.loads(secrets_json)
    docs = [d for d in yaml.safe_load_all(open(rendered)) if d]
    deployment = next(d for d in docs if d["kind"] == "Deployment" and d["metadata"]["name"] == service)
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    replica = int(sys.argv[6]) if len(sys.argv) > 6 else 0

    def replicas(name):
        p = ports[name]
        return p if isinstance(p[0], list) else [p]

    env = {}
    for e in container.get("env", []):
        name = e["name"]
        if "value" in e:
            value = str(e["value"])
        else:
            ref = e["valueFrom"]["secretKeyRef"]
            value = secrets.get(f"{ref['name']}/{ref['key']}")
            if value is None:
                if ref.get("optional"):
                    continue
                raise SystemExit(f"no local value for Secret {ref['name']} key {ref['key']} ({service} {name})")
        # $(VAR) references to earlier variables, as the kubelet expands them.
        value = re.sub(r"\$\((\w+)\)", lambda m: env.get(m.group(1), m.group(0)), value)
        own = replicas(service)[replica]
        if name == "HTTP_PORT":
            value = str(own[0])
        elif name == "GRPC_PORT":
            value = str(own[1])
        m = re.fullmatch(r"services__(\w+)__grpc__0", name)
        if m:
            for i, (_, grpc) in enumerate(replicas(m.group(1))):
                env[f"services__{m.group(1)}__grpc__{i}"] = f"http://127.0.0.1:{grpc}"
            continue
        value = re.sub(r"^cache:6379", f"127.0.0.1:{ports['cache']}", value)
        mounts = {v["mountPath"]: v["name"] for v in container.get("volumeMounts", [])}
        if value in mounts:
            # A mounted volume: one folder per claim, shared by every replica as the claim is.
            value = f"{folder}/volumes/{mounts[value]}"
        else:
            # A file inside a mounted volume (the keys file in the mounted api-keys Secret).
            inside = next((m for m in mounts if value.startswith(m + "/")), None)
            if inside:
                value = f"{folder}/volumes/{mounts[inside]}{value[len(inside):]}"
        env[name] = value
    for name, value in env.items():
        print(f"{name}={value}")


if __name__ == "__main__":
    main(*sys.argv[1:6])
