import { AutocompleteInput, BooleanInput, maxLength, minLength, regex, required, TextInput } from 'react-admin';
import { browserTimeZones, timeZoneChoices } from '../shared/timeZones';

const TIME_ZONES = timeZoneChoices(browserTimeZones());

const SLUG = [required(), minLength(2), maxLength(63), regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'Only a-z, 0-9 and inner hyphens')];
const COUNTRY = [required(), regex(/^[A-Za-z]{2}$/, 'A two-letter ISO 3166-1 code such as US')];

/**
 * The tenant's own fields. Slug and active are for those who manage tenants (the API answers an
 * org admin's change to them with 403), so they are disabled for anyone else.
 */
export const TenantInputs = ({ manageTenants }: { manageTenants: boolean }) => (
  <>
    <TextInput source="name" validate={[required(), maxLength(200)]} />
    <TextInput source="slug" disabled={!manageTenants} validate={SLUG} helperText="Part of URLs: lower-case letters, digits and hyphens" />
    <AutocompleteInput source="timezone" choices={TIME_ZONES} validate={required()} helperText="Business hours and reports use this time zone" />
    <TextInput
      source="defaultCountry"
      label="Default phone country"
      validate={COUNTRY}
      parse={(value: string) => value.toUpperCase()}
      helperText="Local phone numbers are read as numbers of this country"
    />
    <BooleanInput source="settings.missedCallFollowUp" label="Create a follow-up ticket for a missed call" />
    <BooleanInput source="active" disabled={!manageTenants} helperText="Users of an inactive tenant cannot log in" />
  </>
);
