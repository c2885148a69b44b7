/**
 * A realistic sample organisation that local start-up loads: a partner's cloud support desk with
 * four customers (one with the on-premises add-on, one whose contract has expired, one known only
 * by its registered contacts, and two served by the same outside IT consultant), six Microsoft
 * cloud product areas, three queues and a three-region roster.
 */
import { DEFAULT_LIFECYCLE_SETTINGS } from '../lifecycle-settings';
import { OrgConfigInput } from '../org-config';
import { sampleCalendars, sampleSlaPolicies } from './sample-calendars';
import { sampleRoster } from './sample-roster';

export const sampleOrgConfig: OrgConfigInput = {
  supportDesk: { name: 'Baton Cloud Support Desk', email: 'support@css.example', brandColor: '#1f5f8b' },
  productCatalogue: [
    { id: 'entra-id', name: 'Microsoft Entra ID' },
    { id: 'exchange-online', name: 'Exchange Online' },
    { id: 'intune', name: 'Microsoft Intune' },
    { id: 'sharepoint-online', name: 'SharePoint Online' },
    { id: 'azure-networking', name: 'Azure networking (VNet, VPN Gateway, ExpressRoute, DNS)' },
    { id: 'azure-compute', name: 'Azure compute (Virtual Machines, scale sets)' },
  ],
  plans: [
    { id: 'unified-enterprise', name: 'Unified Enterprise', severities: ['A', 'B', 'C'], productAreas: 'all', slaPolicyId: 'enterprise-emea' },
    { id: 'unified-standard', name: 'Unified Standard', severities: ['B', 'C'], productAreas: 'all', slaPolicyId: 'standard-amer' },
    {
      id: 'modern-workplace',
      name: 'Modern Workplace',
      severities: ['B', 'C'],
      productAreas: ['entra-id', 'exchange-online', 'intune', 'sharepoint-online'],
      slaPolicyId: 'standard-amer',
    },
  ],
  contracts: [
    {
      id: 'contoso-unified',
      company: 'Contoso Ltd',
      tenantDomains: ['contoso.onmicrosoft.com'],
      emailDomains: ['contoso.com'],
      // Adatum runs IT for both Contoso and Fabrikam: the tenant named says which customer a request is for.
      contacts: ['noah.kim@adatum.com'],
      plan: 'unified-enterprise',
      addOns: [],
      activeFrom: '2026-01-01T00:00:00.000Z',
      activeUntil: '2028-01-01T00:00:00.000Z',
      tamEmail: 'tom.reyes@css.example',
      tamName: 'Tom Reyes',
    },
    {
      id: 'fabrikam-standard',
      company: 'Fabrikam, Inc.',
      tenantDomains: ['fabrikam.onmicrosoft.com', 'fabrikamlabs.onmicrosoft.com'],
      emailDomains: ['fabrikam.com'],
      contacts: ['noah.kim@adatum.com'],
      plan: 'unified-standard',
      addOns: ['on-premises'],
      activeFrom: '2025-07-01T00:00:00.000Z',
      activeUntil: '2027-07-01T00:00:00.000Z',
      tamEmail: 'lena.schulz@css.example',
      tamName: 'Lena Schulz',
    },
    {
      id: 'northwind-modern',
      company: 'Northwind Traders',
      tenantDomains: ['northwindtraders.onmicrosoft.com'],
      emailDomains: ['northwindtraders.com'],
      plan: 'modern-workplace',
      addOns: [],
      activeFrom: '2024-06-01T00:00:00.000Z',
      activeUntil: '2026-06-01T00:00:00.000Z',
    },
    {
      // A small business on consumer mailboxes: no domain to verify, so only its registered contacts are recognised.
      id: 'wide-world-modern',
      company: 'Wide World Importers',
      tenantDomains: ['wideworldimporters.onmicrosoft.com'],
      emailDomains: [],
      contacts: ['olga.petrova@outlook.com'],
      plan: 'modern-workplace',
      addOns: [],
      activeFrom: '2026-03-01T00:00:00.000Z',
      activeUntil: '2027-03-01T00:00:00.000Z',
    },
  ],
  queues: [
    { id: 'identity-and-devices', name: 'Identity and devices', productAreas: ['entra-id', 'intune'], severities: ['A', 'B', 'C'], leadEngineerId: 'arjun-mehta', coverage: '24x7' },
    { id: 'collaboration', name: 'Mail and collaboration', productAreas: ['exchange-online', 'sharepoint-online'], severities: ['A', 'B', 'C'], leadEngineerId: 'grace-okafor', coverage: '24x7' },
    { id: 'azure-infrastructure', name: 'Azure infrastructure', productAreas: ['azure-networking', 'azure-compute'], severities: ['A', 'B', 'C'], leadEngineerId: 'daniel-brooks', coverage: '24x7' },
  ],
  roster: sampleRoster,
  calendars: sampleCalendars,
  slaPolicies: sampleSlaPolicies,
  // The sample organisation runs on Baton's default lifecycle rules; one source for both.
  lifecycle: { ...DEFAULT_LIFECYCLE_SETTINGS, vendorFollowUpHours: { ...DEFAULT_LIFECYCLE_SETTINGS.vendorFollowUpHours } },
};
