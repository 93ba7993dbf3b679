/** What `GET /api/push/key` sends: the server's VAPID public key (base64url), for a browser to subscribe to Web Push. */

export interface PushKeyAnswer {
  publicKey: string;
}
