import { z } from '@hono/zod-openapi';
import type { User } from '@octoproxy/storage';

export const userRoleSchema = z.enum(['admin', 'user']);

export const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    role: userRoleSchema,
    isActive: z.boolean(),
    mustChangePassword: z.boolean(),
    lastLoginAt: z.number().nullable(),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .openapi('User');

export type UserDto = z.infer<typeof userSchema>;

export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    isActive: user.active,
    mustChangePassword: user.mustChangePassword,
    lastLoginAt: user.lastLoginAt,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}

export const createUserSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(1024),
  role: userRoleSchema.optional(),
  isActive: z.boolean().optional(),
});

export const updateUserSchema = z.object({
  username: z.string().trim().min(1).max(64).optional(),
  password: z.string().min(1).max(1024).optional().openapi({
    description:
      "Ends the user's sessions. Setting another user's password makes them choose a new one at the next login unless mustChangePassword is false; your own needs currentPassword.",
  }),
  currentPassword: z.string().min(1).max(8192).optional().openapi({
    description: 'Your current password; required when you change your own.',
  }),
  role: userRoleSchema.optional(),
  isActive: z.boolean().optional(),
  mustChangePassword: z.boolean().optional(),
});
