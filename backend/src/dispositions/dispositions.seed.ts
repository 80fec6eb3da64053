/** The demo tenants get the product's default list (default-dispositions.ts), like every new tenant. */
export { DEFAULT_DISPOSITIONS, provisionDefaultDispositions as seedDefaultDispositions } from './default-dispositions';
