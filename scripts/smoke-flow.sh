#!/usr/bin/env bash
# Walks the basic flow of REST-API.md against a running service (default http://localhost:8080):
# register an agent, enqueue a task, claim it, start and complete it with the lease, list COMPLETED.
#   ./orchestra serve &   then   scripts/smoke-flow.sh [base-url]
set -euo pipefail
B="${1:-http://localhost:8080}/api/v1"; H='Content-Type: application/json'
agent="smoke-agent-$RANDOM"; task="smoke-task-$RANDOM"
echo "register agent: $(curl -s -o /dev/null -w '%{http_code}' -X POST "$B/agents" -H "$H" \
  -d "{\"id\":\"$agent\",\"name\":\"Smoke\",\"type\":\"claude-code\",\"repositoryPath\":\"/repo/smoke\"}")"
echo "enqueue task:   $(curl -s -o /dev/null -w '%{http_code}' -X POST "$B/tasks" -H "$H" \
  -d "{\"id\":\"$task\",\"command\":\"npm test\",\"repositoryPath\":\"/repo/smoke\",\"priority\":\"HIGH\"}")"
claim=$(curl -s -X POST "$B/tasks/claim" -H "$H" -d "{\"agentId\":\"$agent\"}")
token=$(printf '%s' "$claim" | python3 -c 'import json,sys; print(json.load(sys.stdin)["leaseToken"])')
echo "claim:          $(printf '%s' "$claim" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["id"], d["status"])')"
echo "start:          $(curl -s -o /dev/null -w '%{http_code}' -X POST "$B/tasks/$task/start" -H "X-Lease-Token: $token")"
echo "complete:       $(curl -s -o /dev/null -w '%{http_code}' -X POST "$B/tasks/$task/complete" -H "$H" \
  -H "X-Lease-Token: $token" -d '{"result":"ok"}')"
echo "COMPLETED:      $(curl -s "$B/tasks?status=COMPLETED&correlationId=" | python3 -c "import json,sys; d=json.load(sys.stdin); print([i['id'] for i in d['items'] if i['id']=='$task'])")"
