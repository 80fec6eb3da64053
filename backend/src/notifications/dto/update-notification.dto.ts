import { IsBoolean } from 'class-validator';

/** react-admin PUTs the whole record; only `read` is taken. */
export class UpdateNotificationDto {
  /** true marks it read, false unread. */
  @IsBoolean()
  read!: boolean;
}
