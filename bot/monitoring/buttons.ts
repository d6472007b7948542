// The monitoring buttons that only the bot makes and reads: confirming the NGO contact's invitation.
import { defineButton, token } from '../../core/offers/button.ts';

/** «I speak for the NGO on this project»: carries the code itself, so a renewed or used link is refused on the press too. */
export const confirmNgoContact = defineButton('ngo:ok', { code: token('[A-Za-z0-9_-]{1,40}') });
