/** The French texts of the SMS and e-mails the server sends; none carries patient data. */
import type { Mail } from './mail';

export const SMS_CODE_MINUTES = 15;
export const EMAIL_LINK_HOURS = 48;
export const RESET_LINK_MINUTES = 60;

const SIGNATURE = '\n\n— La coordination';

export function registrationCodeSms(network: string, code: string): string {
  return `${network} : votre code de vérification est ${code}. Il expire dans ${SMS_CODE_MINUTES} minutes. Ne le communiquez à personne.`;
}

export function emailVerificationMail(network: string, to: string, link: string): Mail {
  return {
    to,
    subject: `${network} : confirmez votre adresse e-mail`,
    text:
      `Bonjour,\n\nPour confirmer l’adresse e-mail de votre inscription à la ${network}, ouvrez ce lien :\n${link}\n\n` +
      `Il est valable ${EMAIL_LINK_HOURS} heures et ne sert qu’une fois. Si vous n’avez pas demandé d’inscription, ignorez ce message.` +
      SIGNATURE,
  };
}

export function approvalMail(network: string, to: string, loginLink: string): Mail {
  return {
    to,
    subject: `${network} : votre inscription est validée`,
    text: `Bonjour,\n\nVotre inscription à la ${network} a été validée par la coordination. Vous pouvez vous connecter :\n${loginLink}` + SIGNATURE,
  };
}

export function approvalSms(network: string): string {
  return `${network} : votre inscription est validée. Vous pouvez vous connecter à l’application.`;
}

export function refusalMail(network: string, to: string, reason: string): Mail {
  return {
    to,
    subject: `${network} : votre inscription n’a pas été validée`,
    text:
      `Bonjour,\n\nVotre inscription à la ${network} n’a pas été validée par la coordination, pour la raison suivante :\n\n${reason}\n\n` +
      'Pour toute question, contactez la coordination de la CPTS.' +
      SIGNATURE,
  };
}

export function passwordResetMail(network: string, to: string, link: string): Mail {
  return {
    to,
    subject: `${network} : réinitialisation de votre mot de passe`,
    text:
      `Bonjour,\n\nPour choisir un nouveau mot de passe, ouvrez ce lien :\n${link}\n\n` +
      `Il est valable ${RESET_LINK_MINUTES} minutes et ne sert qu’une fois. Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.` +
      SIGNATURE,
  };
}
