import { z } from 'zod';

/** Query-string helpers: every value arrives as text. */
export const qBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
export const qInt = (max: number) => z.coerce.number().int().min(0).max(max);
export const qText = z.string().trim().min(1).max(200);
export const qList = z.string().trim().max(2000).transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean));
export const period = z.string().trim().regex(/^\d{4}(-\d{4})?$/, 'a year (2019) or a range (2010-2020)');
export const level = z.string().trim().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'a level such as province or city');
export const modelName = z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,63}$/u, 'letters, digits, _ . - (up to 64)');
