/**
 * The second validation layer: everything the web form requires is present and well formed (this
 * catches chat tickets with gaps), the product area is in the catalogue and the plan, and the
 * description is clear. Every reason is returned. (Whether the tenant and company named are the
 * requester's own is entitlement's question.)
 */
import { WebFormIntakeSchema } from '../intake/intake';
import { descriptionClarity } from '../intake/description-clarity';
import { fieldErrorsOf, IntakeFieldError } from '../intake/parse-intake';
import { ValidationReason } from '../intake/validation-reason';
import { OrgConfig } from '../org/org-config';
import { Plan, planCovers } from '../org/plan';
import { Ticket } from '../ticket/ticket';

/** How the fields are named to a requester reading the rejection email. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  'requester.name': 'Your name',
  'requester.email': 'Your email address',
  'requester.timeZone': 'Your time zone',
  'requester.available24x7': 'Whether you are available 24x7',
  'requester.phone': 'Your phone number',
  company: 'The end-user company name',
  tenantDomain: 'The onmicrosoft.com tenant domain',
  productArea: 'The product area',
  severity: 'The severity',
  scope: 'The scope (cloud or on-premises)',
  title: 'The title',
  description: 'The description',
  businessImpact: 'The business impact',
};

export interface MandatoryInformationInput {
  ticket: Ticket;
  org: Pick<OrgConfig, 'productCatalogue' | 'lifecycle'>;
  /** From the entitlement layer, when a contract was found. */
  plan?: Plan;
}

export function mandatoryInformationCheck({ ticket, org, plan }: MandatoryInformationInput): ValidationReason[] {
  const formReasons = webFormReasons(ticket);
  const faulty = new Set(formReasons.map((reason) => reason.field));
  return [
    ...formReasons,
    ...productAreaReasons(ticket, org, plan, faulty),
    ...clarityReasons(ticket, org, faulty),
  ];
}

/** Reads the stored ticket back through the web form's own rules, so both channels meet one bar. */
function webFormReasons(ticket: Ticket): ValidationReason[] {
  const asSubmitted = {
    requester: ticket.requester,
    company: ticket.company,
    tenantDomain: ticket.tenantDomain,
    productArea: ticket.productArea,
    severity: ticket.severity,
    scope: ticket.scope,
    title: ticket.title,
    description: ticket.description,
    businessImpact: ticket.businessImpact,
  };
  const parsed = WebFormIntakeSchema.safeParse(asSubmitted, { reportInput: true });
  return parsed.success ? [] : fieldErrorsOf(parsed.error).map(reasonOf);
}

function reasonOf(error: IntakeFieldError): ValidationReason {
  const label = FIELD_LABELS[error.field] ?? error.field;
  return error.message === 'is required'
    ? { code: 'missing-field', field: error.field, message: `${label} is missing.` }
    : { code: 'malformed-field', field: error.field, message: `${label} ${error.message}.` };
}

function productAreaReasons(ticket: Ticket, org: MandatoryInformationInput['org'], plan: Plan | undefined, faulty: ReadonlySet<string | undefined>): ValidationReason[] {
  const area = ticket.productArea;
  // A missing area is one the form rules refuse, so `undefined` here only narrows the type.
  // Stryker disable next-line ConditionalExpression: see above
  if (area === undefined || faulty.has('productArea')) {
    return [];
  }
  if (!org.productCatalogue.some((candidate) => candidate.id === area)) {
    return [{ code: 'product-area-unknown', field: 'productArea', message: `We do not support a product area called ${area}.` }];
  }
  if (plan && !planCovers(plan, area)) {
    return [{ code: 'product-area-not-covered', field: 'productArea', message: `The ${plan.name} plan does not cover ${area}.` }];
  }
  return [];
}

function clarityReasons(ticket: Ticket, org: MandatoryInformationInput['org'], faulty: ReadonlySet<string | undefined>): ValidationReason[] {
  if (faulty.has('description')) {
    return [];
  }
  const clarity = descriptionClarity(ticket.description, org.lifecycle.clearDescriptionMinWords);
  return clarity.clear ? [] : [{ code: 'description-unclear', field: 'description', message: clarity.explanation }];
}
