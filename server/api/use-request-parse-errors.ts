import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * Answers a request whose parameters cannot be read with 400 BAD_REQUEST. yoga's parsers report
 * most such requests themselves, but not `variables` or `extensions` that are not JSON in a GET
 * query string or a form body: their JSON.parse error would be masked as "Unexpected error.".
 * Registered after yoga's parsers, so it wraps whichever one the request chose.
 */
export function useRequestParseErrors(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          if (!(error instanceof SyntaxError)) throw error;
          throw createGraphQLError(
            `The request's parameters are not valid JSON: ${error.message}`,
            {
              extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
            },
          );
        }
      });
    },
  };
}
