// GraphiQL's staff login (served as /graphiql/login.js, see graphiql.ts): operator, username and
// password → the staffLogin mutation → its session token goes into the Authorization header of
// every request GraphiQL sends (over any header typed in the headers tab). The session is kept
// in sessionStorage: this tab only, gone when it closes. "Log out" calls staffLogout.
(() => {
  const KEY = 'ispgraph.session';
  const form = document.getElementById('login');
  const status = document.getElementById('login-status');
  let session = JSON.parse(sessionStorage.getItem(KEY) || 'null');
  const show = (message) => {
    form.classList.toggle('signed-in', !!session);
    status.textContent = message || (session ? `${session.username} @ ${session.operator}, until ${new Date(session.expiresAt).toLocaleString()}` : '');
  };
  const call = async (query, variables, token) => {
    const headers = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    return res.json();
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (session) {
      await call('mutation { staffLogout { userErrors { message } } }', {}, session.token).catch(() => {});
      session = null;
      sessionStorage.removeItem(KEY);
      return show();
    }
    const data = new FormData(form);
    const input = { operator: data.get('operator'), username: data.get('username'), password: data.get('password') };
    try {
      const body = await call(
        'mutation StaffLogin($input: StaffLoginInput!) { staffLogin(input: $input) { token expiresAt staffUser { username } userErrors { message } } }',
        { input },
      );
      const result = body.data && body.data.staffLogin;
      if (!result || !result.token) return show((result && result.userErrors[0] && result.userErrors[0].message) || 'login failed');
      session = { token: result.token, expiresAt: result.expiresAt, username: result.staffUser.username, operator: input.operator };
      sessionStorage.setItem(KEY, JSON.stringify(session));
      form.reset();
      show();
    } catch (error) {
      show(`login failed: ${error.message}`);
    }
  });
  show();
  window.ispgraphLogin = {
    fetch: (url, init = {}) => {
      const headers = new Headers(init.headers);
      if (session) headers.set('authorization', `Bearer ${session.token}`);
      return fetch(url, { ...init, headers });
    },
  };
})();
