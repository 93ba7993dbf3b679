/**
 * Builds a CouchDB `validate_doc_update` function from a document's schema literal, so the database
 * refuses, as a last line of defence, what the shared validator refuses (required fields, types and
 * enums of the top level; the gateway runs the full schema before any write).
 */

interface SchemaLiteral {
  primaryKey: string;
  properties: Record<string, { type?: string; enum?: readonly unknown[] }>;
  required?: readonly string[];
}

export function validateDocUpdateSource(schema: SchemaLiteral): string {
  const fields: Record<string, { type?: string; enum?: readonly unknown[] }> = {};
  for (const [name, def] of Object.entries(schema.properties)) {
    if (name !== schema.primaryKey) fields[name] = { type: def.type, enum: def.enum };
  }
  const required = (schema.required ?? []).filter((f) => f !== schema.primaryKey);
  // ES5 only: this runs inside CouchDB's (or PouchDB Server's) JavaScript engine.
  return `function (newDoc, oldDoc, userCtx) {
  if (newDoc._id.indexOf('_design/') === 0) { return; }
  if (newDoc._deleted && Object.keys(newDoc).length <= 3) { throw({ forbidden: 'suppression sans contenu refusée : les suppressions gardent le document' }); }
  var required = ${JSON.stringify(required)};
  var fields = ${JSON.stringify(fields)};
  for (var i = 0; i < required.length; i++) {
    if (newDoc[required[i]] === undefined || newDoc[required[i]] === null) { throw({ forbidden: 'champ obligatoire manquant : ' + required[i] }); }
  }
  for (var key in newDoc) {
    if (key.charAt(0) === '_') { continue; }
    var def = fields[key];
    if (!def) { throw({ forbidden: 'champ inconnu : ' + key }); }
    var v = newDoc[key];
    var t = Array.isArray(v) ? 'array' : (v === null ? 'null' : typeof v);
    if (def.type && t !== def.type && !(def.type === 'integer' && t === 'number')) { throw({ forbidden: 'type incorrect pour ' + key }); }
    if (def['enum'] && def['enum'].indexOf(v) < 0) { throw({ forbidden: 'valeur non autorisée pour ' + key }); }
  }
}`;
}
