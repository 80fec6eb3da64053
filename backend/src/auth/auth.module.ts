import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { RefreshToken } from './refresh-token.entity';
import { JwtStrategy } from './jwt.strategy';
import { SessionCheck } from './session-check.service';
import { TokenService } from './token.service';

@Module({
  imports: [PassportModule, JwtModule.register({}), MikroOrmModule.forFeature([RefreshToken])],
  providers: [TokenService, JwtStrategy, SessionCheck],
  exports: [TokenService, SessionCheck],
})
export class AuthModule {}
