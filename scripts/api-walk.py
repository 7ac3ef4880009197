#!/usr/bin/env python3
"""Walks every endpoint of the API once or more, with good and bad input, against a base URL.

Used to check the served OpenAPI document with an independent validator, e.g. Prism's proxy:
  npx @stoplight/prism-cli proxy docs/openapi.json http://127.0.0.1:8080 --port 4010 --errors
  scripts/api-walk.py http://127.0.0.1:4010
It prints one line per call (status, method, path) and exits 1 if an answer was a 5xx or the proxy
reported a violation (Prism answers those with its own problem type), else 0. Standard library only.
"""
import json
import sys
import urllib.error
import urllib.request
import uuid

BASE = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080").rstrip("/")
TENANT = "walk-" + uuid.uuid4().hex[:8]
bad = []


def call(method, path, body=None, headers=None, content_type="application/json", raw=None, refused=False):
    """One request; refused=True marks deliberately bad input, which a validating proxy may refuse itself."""
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    request = urllib.request.Request(BASE + path, data=data, method=method)
    request.add_header("X-Tenant-Id", TENANT)
    if data is not None:
        request.add_header("Content-Type", content_type)
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request) as response:
            status, text, head = response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        status, text, head = error.code, error.read().decode(), dict(error.headers)
    violation = "stoplight.io/prism" in text or "sl-violations" in {k.lower() for k in head}
    if violation and refused and 400 <= status < 500 and '"location":["response"' not in text.replace(" ", ""):
        violation = False  # the proxy refused a request the document already forbids: as it should
    print(f"{status} {method} {path}" + ("  <-- VIOLATION " + text[:300] if violation else ""))
    if status >= 500 or violation:
        bad.append(f"{status} {method} {path}: {text[:300]} {head.get('sl-violations', '')}")
    try:
        return status, json.loads(text) if text else None, head
    except ValueError:
        return status, None, head


A = "/api/v1"
call("POST", A + "/repositories", {"id": "repo-1", "name": "demo", "path": "/repo/demo", "type": "GIT",
                                   "settings": {"lfs": True}, "allowedOperations": ["build"]})
call("GET", A + "/repositories?active=true&page=0&size=10&sort=name,desc")
call("GET", A + "/repositories/repo-1")
call("PUT", A + "/repositories/repo-1", {"name": "demo", "path": "/repo/demo", "description": "d"},
     {"If-Match": '"0"'})
call("GET", A + "/repositories/repo-1/statistics")
call("POST", A + "/agents", {"id": "agent-1", "name": "A1", "type": "claude-code", "repositoryPath": "/repo/demo",
                             "capabilities": ["git"], "maxConcurrentTasks": 2, "healthCheckInterval": "PT30S",
                             "configuration": {"model": "opus"}})
call("POST", A + "/agents", {"id": "agent-2", "name": "A2", "type": "claude-code", "repositoryPath": "/repo/other"})
call("GET", A + "/agents?status=IDLE&size=5")
call("GET", A + "/agents/agent-1")
call("PUT", A + "/agents/agent-1", {"name": "A1b", "type": "claude-code", "repositoryPath": "/repo/demo"},
     {"If-Match": '"0"'})
call("POST", A + "/agents/agent-1/heartbeat", {"status": "IDLE"})
call("POST", A + "/agents/agent-1/heartbeat")
call("GET", A + "/agents/available?repositoryPath=/repo/demo")
call("GET", A + "/agents/stale?olderThan=PT1S")
call("GET", A + "/agents/load")
call("GET", A + "/agents/agent-1/statistics?period=P7D")
call("POST", A + "/tasks", {"id": "task-1", "command": "npm test", "repositoryPath": "/repo/demo",
                            "priority": "HIGH", "correlationId": "c-1"})
call("POST", A + "/tasks/batch", {"tasks": [{"command": "npm run lint", "repositoryPath": "/repo/demo"},
                                            {"id": "task-3", "command": "npm run e2e", "repositoryPath": "/repo/demo",
                                             "parentTaskId": "task-1"}]})
status, claimed, _ = call("POST", A + "/tasks/claim", {"agentId": "agent-1"})
lease = {"X-Lease-Token": claimed["leaseToken"]} if claimed else {}
call("POST", A + "/tasks/task-1/start", headers=lease)
call("POST", A + "/tasks/task-1/progress", {"percentage": 50, "message": "half"}, lease)
call("POST", A + "/tasks/task-1/complete", {"result": "ok"}, lease)
status, second, _ = call("POST", A + "/tasks/claim", {"agentId": "agent-1", "anyRepository": True})
if second:
    call("POST", A + "/tasks/" + second["id"] + "/fail", {"errorMessage": "boom", "retry": True},
         {"X-Lease-Token": second["leaseToken"]})
call("POST", A + "/tasks/claim", {"agentId": "agent-2"})
call("POST", A + "/tasks/task-3/cancel")
call("POST", A + "/tasks/task-3/retry")
call("GET", A + "/tasks?status=COMPLETED&status=PENDING&priority=HIGH&size=10&sort=createdAt,desc")
call("GET", A + "/tasks?createdFrom=2020-01-01T00:00:00Z&createdTo=2100-01-01T00:00:00Z")
call("GET", A + "/tasks/task-1")
call("GET", A + "/tasks/task-1/tree")
call("GET", A + "/tasks/long-running?threshold=PT1S")
call("PUT", A + "/preferences/ui.theme", {"userId": "alice", "value": "light", "valueType": "STRING"})
call("PUT", A + "/preferences/ui.theme", {"userId": "alice", "value": "dark", "valueType": "STRING"},
     {"If-Match": '"0"'})
call("PUT", A + "/preferences/api.key", {"userId": "alice", "value": "s3cret", "valueType": "STRING",
                                         "sensitive": True})
call("GET", A + "/preferences?userId=alice")
call("GET", A + "/preferences/ui.theme/effective?userId=alice&agentId=agent-1")
call("DELETE", A + "/preferences/api.key?userId=alice", headers={"If-Match": '"0"'})
call("POST", A + "/task-templates", {"id": "tpl-1", "name": "Lint", "templateVersion": "1.0.0",
                                     "steps": [{"command": "npm run lint -- {{path}}"}],
                                     "parameters": {"path": {"type": "STRING", "required": True}}, "tags": ["ci"]})
call("GET", A + "/task-templates?size=5")
call("GET", A + "/task-templates/tpl-1")
call("PUT", A + "/task-templates/tpl-1", {"name": "Lint", "templateVersion": "1.1.0",
                                         "steps": [{"command": "npm run lint"}]}, {"If-Match": '"0"'})
call("POST", A + "/task-templates/tpl-1/instantiate", {"arguments": {}, "repositoryPath": "/repo/demo"})
call("DELETE", A + "/task-templates/tpl-1", headers={"If-Match": '"1"'})
call("GET", A + "/analytics/tasks?period=P7D")
call("GET", A + "/analytics/agents?period=P30D")
call("GET", A + "/analytics/repositories")
call("GET", A + "/admin/imports")
boundary = "walk" + uuid.uuid4().hex
legacy = json.dumps({"Agents": {}, "TaskQueue": [], "Repositories": {}}).encode()
upload = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"state.json\"\r\n"
          f"Content-Type: application/json\r\n\r\n").encode() + legacy + f"\r\n--{boundary}--\r\n".encode()
call("POST", A + "/admin/imports/legacy?dryRun=true", raw=upload,
     content_type="multipart/form-data; boundary=" + boundary)
# Refusals: each must be a documented problem.
call("GET", A + "/agents/nobody")
call("POST", A + "/agents", {"name": 123, "type": "t", "repositoryPath": "/r"}, refused=True)
call("POST", A + "/agents", {"id": "agent-1", "name": "A", "type": "t", "repositoryPath": "/r"})
call("PUT", A + "/agents/agent-1", {"name": "x", "type": "t", "repositoryPath": "/r"})
call("PUT", A + "/agents/agent-1", {"name": "x", "type": "t", "repositoryPath": "/r"}, {"If-Match": '"9"'})
call("POST", A + "/tasks/task-1/cancel")
call("POST", A + "/tasks", raw=b"hello", content_type="text/plain", refused=True)
call("GET", A + "/tasks?status=BOGUS", refused=True)
call("POST", A + "/tasks/task-1/start", headers={"X-Lease-Token": "stale"})
call("DELETE", A + "/agents/agent-2", headers={"If-Match": '"0"'})
call("POST", A + "/agents/agent-2/restore")
call("DELETE", A + "/repositories/repo-1", headers={"If-Match": '"1"'})
print(f"{len(bad)} calls with a 5xx or a violation")
for line in bad:
    print("  " + line)
sys.exit(1 if bad else 0)
