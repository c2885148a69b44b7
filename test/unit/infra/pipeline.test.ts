/**
 * The GitHub Actions workflow `azd pipeline config` expects: the README's test command first, then
 * `azd deploy` signed in with OIDC federated credentials, and no stored secret.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

const REPO = path.join(__dirname, '../../..');
const WORKFLOW_FILE = path.join(REPO, '.github/workflows/azure-dev.yml');
const workflowText = fs.readFileSync(WORKFLOW_FILE, 'utf8');

const StepSchema = z.object({ uses: z.string().optional(), run: z.string().optional() });
const WorkflowSchema = z.object({
  permissions: z.record(z.string(), z.string()),
  jobs: z.object({
    test: z.object({ steps: z.array(StepSchema) }),
    deploy: z.object({ needs: z.string(), env: z.record(z.string(), z.string()), steps: z.array(StepSchema) }),
  }),
});
const workflow = WorkflowSchema.parse(parse(workflowText));
const runs = (steps: readonly z.infer<typeof StepSchema>[]) => steps.flatMap((step) => (step.run === undefined ? [] : [step.run]));

describe('the deployment pipeline', () => {
  it('lives where azd pipeline config looks for it', () => {
    expect(fs.existsSync(WORKFLOW_FILE)).toBe(true);
  });

  it("runs the README's test command before anything is deployed", () => {
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const ci = fs.readFileSync(path.join(REPO, '.ci/run'), 'utf8');
    expect(readme).toContain('npm ci && npm test');
    expect(runs(workflow.jobs.test.steps)).toEqual(['.ci/run']);
    expect(ci).toMatch(/^npm ci\nnpm test\n?$/m);
    expect(workflow.jobs.deploy.needs).toBe('test');
  });

  it('signs in with the OIDC federated credential and deploys with azd, storing no secret', () => {
    expect(workflow.permissions['id-token']).toBe('write');
    const deploySteps = runs(workflow.jobs.deploy.steps);
    expect(deploySteps.some((run) => run.includes('azd auth login') && run.includes('--federated-credential-provider github'))).toBe(true);
    expect(deploySteps.at(-1)).toBe('azd deploy --no-prompt');
    expect(workflowText).not.toMatch(/secrets\./);
    for (const name of ['AZURE_CLIENT_ID', 'AZURE_TENANT_ID', 'AZURE_SUBSCRIPTION_ID', 'AZURE_ENV_NAME', 'AZURE_LOCATION']) {
      expect(workflow.jobs.deploy.env[name]).toBe(`\${{ vars.${name} }}`);
    }
  });
});
