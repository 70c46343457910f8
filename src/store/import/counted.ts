// The English plural rule of import notes lives with their messages (core/messages/import.ts).
export { counted } from '../../core/messages/import.ts';
