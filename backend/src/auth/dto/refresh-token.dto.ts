import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class RefreshTokenDto {
  /** The opaque refresh token from login or the last refresh. */
  @ApiProperty({ description: 'The opaque refresh token from login or the last refresh', maxLength: 1024 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  refreshToken!: string;
}
