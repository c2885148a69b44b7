/**
 * ASP.NET Core route constraints, which Functions route templates use (`{id:int}`,
 * `{name:alpha}`, `{code:length(3)}`, `{x:regex(^a+$)}`...): a value that fails one does not
 * match the route at all.
 */

export type RouteConstraint = (value: string) => boolean;

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GUID = /^[{(]?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}[})]?$/i;

function integerWithin(min: bigint, max: bigint): RouteConstraint {
  return (value) => {
    if (!INTEGER.test(value)) return false;
    const parsed = BigInt(value);
    return parsed >= min && parsed <= max;
  };
}

function numberArgument(constraint: string, raw: string | undefined): number {
  const parsed = Number(raw);
  if (raw === undefined || raw.trim() === '' || !Number.isFinite(parsed)) {
    throw new Error(`Route constraint "${constraint}" needs a numeric argument.`);
  }
  return parsed;
}

function integerValue(value: string): number | undefined {
  return INTEGER.test(value) ? Number(value) : undefined;
}

/** Builds the check for one constraint text, e.g. `int`, `min(3)`, `regex(^[a-z]{2}$)`. */
export function parseRouteConstraint(text: string): RouteConstraint {
  const match = /^([a-zA-Z]+)(?:\((.*)\))?$/s.exec(text);
  if (!match?.[1]) throw new Error(`Route constraint "${text}" is not valid.`);
  const name = match[1].toLowerCase();
  const argument = match[2];
  const args = argument?.split(',').map((part) => part.trim()) ?? [];
  switch (name) {
    case 'int':
      return integerWithin(-(2n ** 31n), 2n ** 31n - 1n);
    case 'long':
      return integerWithin(-(2n ** 63n), 2n ** 63n - 1n);
    case 'bool':
      return (value) => /^(true|false)$/i.test(value);
    case 'datetime':
      return (value) => !Number.isNaN(Date.parse(value));
    case 'decimal':
    case 'double':
    case 'float':
      return (value) => DECIMAL.test(value);
    case 'guid':
      return (value) => GUID.test(value);
    case 'alpha':
      return (value) => /^[a-z]+$/i.test(value);
    case 'required':
      return (value) => value.length > 0;
    case 'minlength': {
      const min = numberArgument(text, args[0]);
      return (value) => value.length >= min;
    }
    case 'maxlength': {
      const max = numberArgument(text, args[0]);
      return (value) => value.length <= max;
    }
    case 'length': {
      const first = numberArgument(text, args[0]);
      const second = args[1] === undefined ? first : numberArgument(text, args[1]);
      return (value) => value.length >= first && value.length <= second;
    }
    case 'min': {
      const min = numberArgument(text, args[0]);
      return (value) => (integerValue(value) ?? -Infinity) >= min;
    }
    case 'max': {
      const max = numberArgument(text, args[0]);
      return (value) => (integerValue(value) ?? Infinity) <= max;
    }
    case 'range': {
      const min = numberArgument(text, args[0]);
      const max = numberArgument(text, args[1]);
      return (value) => {
        const parsed = integerValue(value);
        return parsed !== undefined && parsed >= min && parsed <= max;
      };
    }
    case 'regex': {
      if (argument === undefined) throw new Error(`Route constraint "${text}" needs a pattern.`);
      // ASP.NET matches route regexes case-insensitively.
      const pattern = new RegExp(argument, 'i');
      return (value) => pattern.test(value);
    }
    default:
      throw new Error(`Route constraint "${name}" is not supported.`);
  }
}
