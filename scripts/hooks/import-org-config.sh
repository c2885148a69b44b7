#!/bin/sh
# azd's postprovision hook: validates the organisation configuration file named by the azd
# variable BATON_ORG_CONFIG_FILE and imports it into the environment's Cosmos DB account with the
# signed-in identity (azd exports the environment's values, BATON_COSMOS_ENDPOINT among them, to
# hooks). Without the variable it only says how to set it: an environment may be configured by hand.
set -eu
if [ -z "${BATON_ORG_CONFIG_FILE:-}" ]; then
  echo "BATON_ORG_CONFIG_FILE is not set: no organisation configuration imported."
  echo "  azd env set BATON_ORG_CONFIG_FILE config/sample-org.yaml   # or your own file; then azd provision"
  exit 0
fi
if [ -z "${BATON_COSMOS_ENDPOINT:-}" ]; then
  echo "BATON_COSMOS_ENDPOINT is not set: provisioning did not finish." >&2
  exit 1
fi
[ -d node_modules ] || npm ci --no-audit --no-fund
npm run -s build
npm run -s org -- validate "$BATON_ORG_CONFIG_FILE"
npm run -s org -- import "$BATON_ORG_CONFIG_FILE" --apply --endpoint "$BATON_COSMOS_ENDPOINT"
