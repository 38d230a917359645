// A small JSON Schema checker for the keywords our generated schema uses, so the published schema is tested independently of zod.
type Schema = Record<string, unknown>;

export function checkAgainstJsonSchema(schema: Schema, value: unknown, path = '$', root: Schema = schema): string[] {
  if (typeof schema.$ref === 'string') {
    const target = schema.$ref.replace(/^#\//, '').split('/').reduce<unknown>((s, k) => (s as Schema)[k], root) as Schema;
    return checkAgainstJsonSchema(target, value, path, root);
  }
  const errors: string[] = [];
  if (Array.isArray(schema.anyOf)) {
    const ok = (schema.anyOf as Schema[]).some((s) => checkAgainstJsonSchema(s, value, path, root).length === 0);
    return ok ? [] : [`${path}: matches no alternative`];
  }
  if ('const' in schema && value !== schema.const) errors.push(`${path}: expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${path}: not one of ${schema.enum.join(', ')}`);
  switch (schema.type) {
    case 'null': if (value !== null) errors.push(`${path}: expected null`); break;
    case 'string':
      if (typeof value !== 'string') errors.push(`${path}: expected string`);
      else {
        if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${path}: does not match ${schema.pattern}`);
        if (typeof schema.minLength === 'number' && value.length < schema.minLength) errors.push(`${path}: too short`);
      }
      break;
    case 'number': case 'integer':
      if (typeof value !== 'number' || (schema.type === 'integer' && !Number.isInteger(value))) errors.push(`${path}: expected ${schema.type}`);
      else {
        if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: below minimum`);
        if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${path}: above maximum`);
      }
      break;
    case 'array':
      if (!Array.isArray(value)) errors.push(`${path}: expected array`);
      else value.forEach((v, i) => errors.push(...checkAgainstJsonSchema(schema.items as Schema, v, `${path}[${i}]`, root)));
      break;
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) { errors.push(`${path}: expected object`); break; }
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      for (const k of (schema.required ?? []) as string[]) if (!(k in value)) errors.push(`${path}.${k}: required`);
      for (const [k, v] of Object.entries(value)) {
        if (props[k]) errors.push(...checkAgainstJsonSchema(props[k]!, v, `${path}.${k}`, root));
        else if (schema.additionalProperties === false) errors.push(`${path}.${k}: not allowed`);
      }
      break;
    }
  }
  return errors;
}
