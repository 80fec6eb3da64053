import CheckIcon from '@mui/icons-material/Check';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  InputAdornment,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useRef, useState } from 'react';
import type { CreatedApiKey } from './types';

/** The Clipboard API where the page may use it; otherwise the selected text is copied the old way. */
async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // denied (no permission, not focused): fall back to selecting the text
  }
  if (!input) return false;
  input.select();
  return document.execCommand('copy');
}

/**
 * The new key's secret, shown this once: the API keeps only a hash, so closing the dialog loses it
 * for good. Clicking outside does not close it; only the button does.
 */
export const SecretDialog = ({ apiKey, onClose }: { apiKey: CreatedApiKey | null; onClose: () => void }) => {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  if (!apiKey) return null;
  const copy = async () => setCopied(await copyText(apiKey.secret, input.current));
  return (
    <Dialog open maxWidth="sm" fullWidth aria-labelledby="api-key-secret-title" onClose={(_event, reason) => reason === 'escapeKeyDown' || reason === 'backdropClick' || onClose()}>
      <DialogTitle id="api-key-secret-title">API key “{apiKey.name}” created</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          Copy the secret now and keep it somewhere safe. <strong>It will not be shown again</strong>: CALLpro stores only a fingerprint of it. If it is lost,
          revoke this key and create a new one.
        </Alert>
        <TextField
          label="Secret"
          value={apiKey.secret}
          fullWidth
          inputRef={input}
          onFocus={(event) => event.target.select()}
          slotProps={{
            input: {
              readOnly: true,
              sx: { fontFamily: 'monospace' },
              endAdornment: (
                <InputAdornment position="end">
                  <Tooltip title={copied ? 'Copied' : 'Copy to the clipboard'}>
                    <IconButton aria-label="Copy secret" onClick={copy} edge="end">
                      {copied ? <CheckIcon color="success" /> : <ContentCopyIcon />}
                    </IconButton>
                  </Tooltip>
                </InputAdornment>
              ),
            },
          }}
        />
        {copied === false && (
          <Typography variant="body2" color="error" sx={{ mt: 1 }}>
            The browser did not allow copying: select the secret and copy it by hand.
          </Typography>
        )}
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
          Send it with each request as the <code>X-API-Key</code> header (or <code>Authorization: Bearer …</code>). The key acts only in this organisation
          and only within its scopes.
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          I have copied it
        </Button>
      </DialogActions>
    </Dialog>
  );
};
