import { createSecretKey, type KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from './env.schema';

/** Typed access to the validated environment. */
@Injectable()
export class AppConfig {
  constructor(private readonly config: ConfigService<Env, true>) {}

  get<K extends keyof Env>(key: K): Env[K] {
    return this.config.get(key, { infer: true });
  }

  get corsOrigins(): string[] {
    return this.get('CORS_ORIGINS')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
  }

  private key?: KeyObject;

  /**
   * The JWT secret as a KeyObject: given a plain string, jsonwebtoken first tries (and fails) to
   * parse it as a public key on every sign and verify, which showed up in the request profile.
   */
  get jwtKey(): KeyObject {
    this.key ??= createSecretKey(Buffer.from(this.jwtSecret, 'utf8'));
    return this.key;
  }

  get jwtSecret(): string {
    const secret = this.get('JWT_SECRET');
    if (!secret) throw new Error('JWT_SECRET is not set (the launcher sets one in embedded mode)');
    return secret;
  }
}
