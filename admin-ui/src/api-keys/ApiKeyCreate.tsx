import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CheckboxGroupInput, Create, DateTimeInput, maxLength, required, SimpleForm, TextInput, useRedirect } from 'react-admin';
import { localDateTimeToIso } from '../call-logs/callFormat';
import { inTheFuture } from './apiKeyValidation';
import { scopeChoices } from './scopes';
import { SecretDialog } from './SecretDialog';
import type { CreatedApiKey } from './types';

const DEFAULTS = { scopes: ['calls:write'] };
const EXPIRY = inTheFuture();

/** Absent expiry means "until revoked"; the API wants null or an ISO instant, not ''. */
const toRequest = (data: Record<string, unknown>) => ({ name: data.name, scopes: data.scopes, expiresAt: data.expiresAt || null });

/** Creates a key, then shows its secret once; closing that dialog goes back to the list. */
export const ApiKeyCreate = () => {
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const redirect = useRedirect();
  const queryClient = useQueryClient();
  const onSuccess = (data: CreatedApiKey) => {
    setCreated(data);
    // react-admin caches the created record; the secret should live only in the dialog
    queryClient.removeQueries({ queryKey: ['api-keys', 'getOne'] });
  };
  return (
    <Create<CreatedApiKey> title="New API key" redirect={false} transform={toRequest} mutationOptions={{ onSuccess }}>
      <SimpleForm defaultValues={DEFAULTS}>
        <TextInput source="name" validate={[required(), maxLength(100)]} helperText="What the key is for, e.g. “Android dialers” or “Zapier”" />
        <CheckboxGroupInput source="scopes" choices={scopeChoices} row={false} validate={required('Choose at least one scope')} />
        <DateTimeInput
          source="expiresAt"
          label="Expires at"
          parse={localDateTimeToIso}
          validate={EXPIRY}
          helperText="Optional: leave empty for a key that works until it is revoked"
        />
      </SimpleForm>
      <SecretDialog apiKey={created} onClose={() => redirect('list', 'api-keys')} />
    </Create>
  );
};
