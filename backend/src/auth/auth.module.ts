import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { AppConfig } from '../config/app-config.service';
import { RefreshToken } from './refresh-token.entity';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AuthSessions } from './auth-sessions.service';
import { JwtStrategy } from './jwt.strategy';
import { SessionCheck } from './session-check.service';
import { TokenService } from './token.service';
import { LoginThrottle } from './throttle/login-throttle';
import { ATTEMPT_STORE, MemoryAttemptStore } from './throttle/attempt-store';
import { RedisAttemptStore } from './throttle/redis-attempt-store';

@Module({
  imports: [PassportModule, JwtModule.register({}), MikroOrmModule.forFeature([RefreshToken])],
  controllers: [AuthController],
  providers: [
    TokenService,
    JwtStrategy,
    SessionCheck,
    AuthSessions,
    AuthService,
    LoginThrottle,
    {
      provide: ATTEMPT_STORE,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const url = config.get('REDIS_URL');
        return url ? new RedisAttemptStore(url) : new MemoryAttemptStore();
      },
    },
  ],
  exports: [TokenService, SessionCheck, AuthSessions],
})
export class AuthModule {}
