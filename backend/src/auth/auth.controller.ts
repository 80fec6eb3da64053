import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AppAbility, Principal } from '@callpro/permissions';
import { Authenticated, CurrentAbility, CurrentPrincipal, Public } from '../common/auth/decorators';
import { ProblemResponse } from '../common/http/problem.response';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { RefreshTokenDto } from './dto/refresh-token.dto';
import { SessionResponse } from './dto/session.response';
import { MeResponse } from './dto/me.response';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @ApiOperation({
    summary: 'Log in with email and password',
    description:
      'Failed logins are limited per account and per client IP; over the limit every attempt gets 429 ' +
      '(with Retry-After) until the window ends, even with the right password.',
  })
  @ApiOkResponse({ type: SessionResponse })
  @ApiBadRequestResponse({ description: 'Invalid body', type: ProblemResponse })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password, or the account or its tenant is inactive', type: ProblemResponse })
  @ApiTooManyRequestsResponse({
    description: 'Too many failed logins',
    type: ProblemResponse,
    headers: { 'Retry-After': { description: 'Seconds until another attempt is allowed', schema: { type: 'integer' } } },
  })
  @Public()
  @HttpCode(200)
  @Post('login')
  login(@Body() body: LoginDto, @Ip() ip: string): Promise<SessionResponse> {
    return this.auth.login(body, ip);
  }

  @ApiOperation({
    summary: 'Exchange a refresh token for a new token pair',
    description: 'Each refresh token works once. Presenting one again revokes every token of its login session.',
  })
  @ApiOkResponse({ type: SessionResponse })
  @ApiBadRequestResponse({ description: 'Invalid body', type: ProblemResponse })
  @ApiUnauthorizedResponse({ description: 'Unknown, expired, reused or revoked refresh token', type: ProblemResponse })
  @Public()
  @HttpCode(200)
  @Post('refresh')
  refresh(@Body() body: RefreshTokenDto): Promise<SessionResponse> {
    return this.auth.refresh(body.refreshToken);
  }

  @ApiOperation({ summary: "Log out: revoke the refresh token's login session" })
  @ApiNoContentResponse({ description: 'Logged out (also when the token was unknown or already revoked)' })
  @ApiBadRequestResponse({ description: 'Invalid body', type: ProblemResponse })
  @Authenticated()
  @HttpCode(204)
  @Post('logout')
  logout(@CurrentPrincipal() principal: Principal, @Body() body: RefreshTokenDto): Promise<void> {
    return this.auth.logout(principal, body.refreshToken);
  }

  @ApiOperation({ summary: 'The current user, their tenant and their packed permission rules' })
  @ApiOkResponse({ type: MeResponse })
  @ApiForbiddenResponse({ description: 'Not a user session (API key)', type: ProblemResponse })
  @Authenticated()
  @Get('me')
  me(@CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<MeResponse> {
    return this.auth.me(principal, ability);
  }
}
