import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { RefreshToken } from './refresh-token.entity';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AuthSessions } from './auth-sessions.service';
import { JwtStrategy } from './jwt.strategy';
import { SessionCheck } from './session-check.service';
import { TokenService } from './token.service';
import { LoginThrottle } from './throttle/login-throttle';

@Module({
  imports: [PassportModule, JwtModule.register({}), MikroOrmModule.forFeature([RefreshToken])],
  controllers: [AuthController],
  providers: [
    TokenService,
    JwtStrategy,
    SessionCheck,
    AuthSessions,
    AuthService,
    // counters in the global RateLimitModule's store (Redis when REDIS_URL is set)
    LoginThrottle,
  ],
  exports: [TokenService, SessionCheck, AuthSessions],
})
export class AuthModule {}
