package store

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"fmt"
	"time"

	"github.com/alexedwards/scs/v2"
)

// SessionKeySize is the length of the session encryption key: AES-256.
const SessionKeySize = 32

// EncryptedStore seals session data with AES-256-GCM before the inner store
// keeps it, so a copy of the database (a backup, a dump) does not hand out
// the Dialpad tokens the sessions hold. Each write has a fresh random
// nonce; the session token is the additional data, so a sealed value
// copied to another session's row does not open there.
type EncryptedStore struct {
	inner scs.Store
	aead  cipher.AEAD
}

var _ scs.Store = (*EncryptedStore)(nil)

// NewEncryptedStore wraps inner with a 32-byte key.
func NewEncryptedStore(inner scs.Store, key []byte) (*EncryptedStore, error) {
	if len(key) != SessionKeySize {
		return nil, fmt.Errorf("store: the session key must be %d bytes, not %d", SessionKeySize, len(key))
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &EncryptedStore{inner: inner, aead: aead}, nil
}

// Find opens the stored data. Data that does not open (another key, a
// tampered row) is reported as no session, as scs asks of stores, so the
// person simply signs in again.
func (s *EncryptedStore) Find(token string) ([]byte, bool, error) {
	sealed, found, err := s.inner.Find(token)
	if err != nil || !found {
		return nil, false, err
	}
	n := s.aead.NonceSize()
	if len(sealed) < n {
		return nil, false, nil
	}
	plain, err := s.aead.Open(nil, sealed[:n], sealed[n:], []byte(token))
	if err != nil {
		return nil, false, nil
	}
	return plain, true, nil
}

// Commit seals b under a new nonce and stores nonce||ciphertext.
func (s *EncryptedStore) Commit(token string, b []byte, expiry time.Time) error {
	nonce := make([]byte, s.aead.NonceSize(), s.aead.NonceSize()+len(b)+s.aead.Overhead())
	if _, err := rand.Read(nonce); err != nil {
		return err
	}
	return s.inner.Commit(token, s.aead.Seal(nonce, nonce, b, []byte(token)), expiry)
}

// Delete removes the session.
func (s *EncryptedStore) Delete(token string) error { return s.inner.Delete(token) }
