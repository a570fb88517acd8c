import { names, type Scenarios } from './common.js';

const TOKEN = '/token';
const register = (body: unknown) => ['POST', '/users', body] as const;

export const USER_SCENARIOS: Scenarios = {
  registerUsers: {
    usernameNotLegal: [...register({ username: 'a b', password: 'p' })],
    usernameNotLegalBracketed: [...register([{ username: 'a b', password: 'p' }])],
    usernameTooLong: [...register({ username: 'u'.repeat(65), password: 'p' })],
    passwordMissing: [...register({ username: 'new' })],
    nicknameTooLong: [...register({ username: 'new', password: 'p', nickname: 'n'.repeat(101) })],
    usernameExists: [...register({ username: 'u1', password: 'p' })],
    sameUserDifferentPasswords: [...register([{ username: 'new', password: 'p1' }, { username: 'new', password: 'p2' }])],
    batchTooLarge: [...register(names(61).map(username => ({ username, password: 'p' })))],
  },
  getUser: { userNotFound: ['GET', '/users/ghost'] },
  deleteUser: { userNotFound: ['DELETE', '/users/ghost'] },
  changeUserPassword: { newPasswordRequired: ['PUT', '/users/u1/password', {}], userEntityNotFound: ['PUT', '/users/ghost/password', { newpassword: 'p' }] },
  deactivateUser: { userNotFound: ['POST', '/users/ghost/deactivate'] },
  activateUser: { userNotFound: ['POST', '/users/ghost/activate'] },
  getUsersOnlineStatus: { tooManyUsernames: ['POST', '/users/batch/status', { usernames: names(101) }] },
  setUserAttributes: { userLimitExceeded: ['PUT', '/metadata/user/u1', { ext: 'x'.repeat(2049) }] },
  getUsersAttributes: { batchTooLarge: ['POST', '/metadata/user/get', { targets: names(101), properties: [] }] },
  addContact: { userNotFound: ['POST', '/users/u1/contacts/users/ghost'], contactLimitExceeded: ['POST', '/users/u1/contacts/users/nm'] },
  removeContact: { userNotFound: ['DELETE', '/users/u1/contacts/users/ghost'] },
  setContactRemark: { notFriends: ['PUT', '/user/u1/contacts/users/nm', { remark: 'r' }], userNotFound: ['PUT', '/user/ghost/contacts/users/u1', { remark: 'r' }] },
  listContacts: { pageSizeTooLarge: ['GET', '/user/u1/contacts?limit=51'], userNotFound: ['GET', '/user/ghost/contacts'] },
  listAllContacts: { userNotFound: ['GET', '/users/ghost/contacts/users'] },
  importContacts: {
    tooManyUsers: ['POST', '/users/u1/contacts/import', { usernames: names(11) }],
    contactLimitReached: ['POST', '/users/u1/contacts/import', { usernames: ['nm'] }],
    userNotFound: ['POST', '/users/ghost/contacts/import', { usernames: ['u1'] }],
  },
  checkContacts: { usernameBlank: ['POST', '/contacts/check', { username: '', check_list: ['u2'] }], checkListSize: ['POST', '/contacts/check', { username: 'u1', check_list: [] }] },
  checkUserBlocklist: { usernameBlank: ['POST', '/blocks/check', { username: '', check_list: ['u2'] }], checkListSize: ['POST', '/blocks/check', { username: 'u1', check_list: [] }] },
  listUserBlocklist: { userNotFound: ['GET', '/users/ghost/blocks/users'] },
  blockUsers: { userNotFound: ['POST', '/users/u1/blocks/users', { usernames: ['ghost'] }] },
  unblockUser: { userNotFound: ['DELETE', '/users/u1/blocks/users/ghost'] },
  getToken: {
    clientIdMissing: ['POST', TOKEN, { grant_type: 'client_credentials', client_secret: 's' }],
    clientSecretMissing: ['POST', TOKEN, { grant_type: 'client_credentials', client_id: 'id' }],
    clientIdMismatch: ['POST', TOKEN, { grant_type: 'client_credentials', client_id: 'other', client_secret: 'secret' }],
    clientSecretMismatch: ['POST', TOKEN, { grant_type: 'client_credentials', client_id: 'id', client_secret: 'other' }],
    usernameNotLegal: ['POST', TOKEN, { grant_type: 'inherit', username: 'a b' }],
    usernameTooLong: ['POST', TOKEN, { grant_type: 'inherit', username: 'u'.repeat(65) }],
    userNotActivated: ['POST', TOKEN, { grant_type: 'inherit', username: 'off' }],
    userNotFound: ['POST', TOKEN, { grant_type: 'inherit', username: 'ghost' }],
  },
};
